import { inflateSync } from 'node:zlib';

// The text of a PDF that Chromium printed (page.pdf()), to check what is on paper
// without a PDF library: Skia writes text as glyph ids of Type0 fonts (Identity-H),
// each with a ToUnicode CMap; the content streams select a font (`/F4 12 Tf`) and
// show hex strings (`<0024> Tj`, `[<00240025> -12 <0026>] TJ`). Good enough for the
// tests' own documents; not a general PDF reader.

interface PdfObject {
  dict: string;
  stream: string | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<string, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    let stream: string | null = null;
    if (at >= 0 && /^stream\r?\n/.test(body.slice(at))) {
      const from = start + at + body.slice(at).match(/^stream\r?\n/)![0].length;
      const raw = pdf.subarray(from, text.indexOf('endstream', from));
      try {
        stream = /FlateDecode/.test(body.slice(0, at)) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
      } catch {
        stream = null;
      }
    }
    found.set(match[1]!, { dict: at >= 0 ? body.slice(0, at) : body, stream });
  }
  return found;
}

/** glyph id (4 hex digits) → characters, from a ToUnicode CMap. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src!.toUpperCase(), utf16(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(dst!, 16);
      for (let g = parseInt(lo!, 16); g <= parseInt(hi!, 16); g++)
        map.set(g.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(first + g - parseInt(lo!, 16)));
    }
  }
  return map;
}

/** The text shown on the PDF's pages, runs separated by spaces, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const cmaps = new Map<string, Map<string, string>>();
  for (const [id, o] of all) {
    const ref = /\/Subtype\s*\/Type0[\s\S]*?\/ToUnicode\s+(\d+)\s+0\s+R/.exec(o.dict) ?? /\/ToUnicode\s+(\d+)\s+0\s+R[\s\S]*?\/Subtype\s*\/Type0/.exec(o.dict);
    const cmap = ref ? all.get(ref[1]!)?.stream : null;
    if (cmap) cmaps.set(id, toUnicode(cmap));
  }
  const fontByName = new Map<string, string>();
  for (const o of all.values()) {
    for (const fonts of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g))
      for (const [, name, id] of fonts[1]!.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)) fontByName.set(name!, id!);
  }
  const runs: string[] = [];
  for (const o of all.values()) {
    if (!o.stream || !/\bTf\b/.test(o.stream)) continue;
    let cmap: Map<string, string> | undefined;
    for (const token of o.stream.matchAll(/\/(\w+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\b(Tj|TJ|ET)\b/g)) {
      if (token[1]) cmap = cmaps.get(fontByName.get(token[1]) ?? '');
      else if (token[2] !== undefined && cmap) runs.push((token[2].toUpperCase().match(/.{4}/g) ?? []).map((g) => cmap!.get(g) ?? '').join(''));
      else if (token[3]) runs.push(' ');
    }
  }
  return runs.join('').replace(/\u00a0|\u202f/g, ' ');
}

/** Whether the PDF shows `expected`, whatever the line breaks and spacing. */
export function pdfShows(pdf: Buffer, expected: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return squeeze(pdfText(pdf)).includes(squeeze(expected));
}
