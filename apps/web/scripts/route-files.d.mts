export type ViteManifest = Record<
  string,
  { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }
>;
export declare const MANIFEST: string;
export declare const FIELD_PAGE: string;
export declare const LOCALE_CATALOGS: string[];
export declare const API_PARTS: string[];
export declare const OFFLINE_PAGES: string[];
export declare function readManifest(dist: string): ViteManifest;
export declare function entryKey(manifest: ViteManifest): string;
export declare function staticClosure(manifest: ViteManifest, keys: string[]): { js: string[]; css: string[] };
export declare function fieldRouteFiles(manifest: ViteManifest): { js: string[]; css: string[] };
export declare function fieldOnDemandFiles(manifest: ViteManifest): { js: string[]; css: string[] };
export declare function signedInPreloads(manifest: ViteManifest): string[];
