import { registerEnumType } from '@nestjs/graphql';

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ExportFormat, { name: 'ExportFormat' });
