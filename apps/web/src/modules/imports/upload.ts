import { getToken } from '../auth/session';

/** The fields a column can fill (the api's IMPORT_FIELDS), in the order the select shows them. */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'email',
  'street',
  'building',
  'postalCode',
  'city',
  'neighbourhood',
  'tags',
  'languages',
  'duesAmount',
  'duesDate',
  'duesMethod',
  'duesReference',
] as const;

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface UploadRefusal {
  status: number;
  rule?: string;
  params?: Record<string, string | number>;
  message: string;
}

/** POST /imports with the bearer token (not GraphQL: a file); the job's id, or why it was refused. */
export async function uploadSpreadsheet(file: File): Promise<{ id: string } | { refused: UploadRefusal }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = getToken();
  const res = await fetch('/imports', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  const body = (await res.json().catch(() => ({}))) as { id?: string; rule?: string; params?: Record<string, string | number>; message?: string };
  if (res.ok && body.id) return { id: body.id };
  return {
    refused: { status: res.status, rule: res.status === 413 ? 'importTooLarge' : body.rule, params: body.params, message: body.message ?? String(res.status) },
  };
}

/** The refused rows as the api writes them (CSV, UTF-8 with BOM, `;`), fetched with the token and offered as a file. */
export async function downloadErrors(id: string): Promise<void> {
  const token = getToken();
  const res = await fetch(`/imports/${encodeURIComponent(id)}/errors.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(String(res.status));
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `import-errors-${id.slice(0, 8)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
