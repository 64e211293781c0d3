import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  Injectable,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UploadedFile,
  UseGuards,
  UseInterceptors,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { diskStorage } from 'multer';
import { AuthService, mayUse } from '@rapport/auth';
import { AppError, type Member } from '@rapport/core';
import { ImportsService } from './imports.service.js';
import { IMPORT_LIMITS, ImportFileError } from './import-reader.js';

type MemberRequest = Request & { member?: Member };

/**
 * Bearer token and role, checked before a byte of the file is read: only organisers
 * (the permission map's `Http.imports`) reach the upload and the error lists.
 */
@Injectable()
export class ImportsHttpGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<MemberRequest>();
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const member = await this.auth.authenticate(token);
    if (!member)
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: token ? 'Your session has expired or was revoked; sign in again' : 'Sign in first' });
    if (!mayUse(member.role, 'Http.imports')) throw new ForbiddenException({ code: 'FORBIDDEN', message: 'Your role may not import people' });
    req.member = member;
    return true;
  }
}

/** busboy reads part headers as latin1; browsers send UTF-8 names. */
function fileNameOf(raw: string): string {
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return (utf8.includes('\uFFFD') ? raw : utf8).replace(/[\r\n]/g, ' ').slice(0, 200);
}

@Controller('imports')
@UseGuards(ImportsHttpGuard)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /**
   * POST /imports, multipart/form-data with the file in `file`: analysed at once; answers
   * { id }. Multer writes the upload to a temporary file (20 MB at most, else 413), the
   * analysis streams it, and it is copied into PostgreSQL; the temporary file always goes.
   */
  @Post()
  @UseInterceptors(
    FileInterceptor('file', {
      storage: diskStorage({ destination: tmpdir() }),
      limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 5, parts: 6, headerPairs: 50 },
    }),
  )
  async upload(@Req() req: MemberRequest, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw new BadRequestException({ code: 'BAD_USER_INPUT', field: 'file', message: 'file: send the spreadsheet in the "file" field' });
    try {
      const job = await this.imports.upload(req.member!, file.path, fileNameOf(file.originalname), file.size);
      return { id: job.id };
    } catch (error) {
      if (error instanceof ImportFileError)
        throw new BadRequestException({ code: 'BAD_USER_INPUT', field: 'file', rule: error.rule, params: error.params, message: `file: ${error.message}` });
      throw error;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** GET /imports/:id/errors.csv: the refused rows (row, column, why), in the language of the run. */
  @Get(':id/errors.csv')
  async errors(@Req() req: MemberRequest, @Param('id') id: string, @Res() res: Response) {
    let job;
    try {
      job = await this.imports.get(req.member!, id);
    } catch (error) {
      if (error instanceof AppError) {
        res.status(404).json({ code: 'NOT_FOUND', message: error.message });
        return;
      }
      throw error;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="import-errors-${job.id.slice(0, 8)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    for await (const chunk of this.imports.errorsCsv(job)) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
