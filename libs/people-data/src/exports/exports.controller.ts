import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportFormat } from '@rapport/shared';
import { EXPORT_TYPES } from './export-columns.js';
import { ExportsService } from './exports.service.js';

/**
 * GET /exports/<link>: the file of an `exportContacts` link. The link's secret is
 * the credential (a browser download sends no bearer token); it works once, for ten
 * minutes: a second use or an expired link answers 410, an unknown one 404.
 */
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(private readonly exports: ExportsService) {}

  @Get(':link')
  async download(@Param('link') link: string, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex');
    const claim = await this.exports.claim(link);
    if (!claim.ok) {
      res
        .status(claim.status)
        .type('text/plain; charset=utf-8')
        .send(claim.status === 410 ? 'This export link was already used or has expired: ask for a new export.' : 'No export at this address.');
      return;
    }
    const format = claim.export.format as ExportFormat;
    res.status(200);
    res.setHeader('Content-Type', EXPORT_TYPES[format].contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${this.exports.fileName(format)}"`);
    try {
      await this.exports.write(claim.export, claim.locale, res);
    } catch (error) {
      // The headers are gone: cut the download so the file is visibly incomplete, never silently short.
      this.logger.error(`export ${claim.export.id} failed: ${error instanceof Error ? error.constructor.name : 'error'}`);
      res.destroy();
    }
  }
}
