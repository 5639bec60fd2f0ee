import * as path from 'node:path';
import { URI } from 'vscode-uri';

// Conversions between document URIs and file system paths. Only `file:` URIs name files the
// checker can read; `untitled:` and other schemes belong to no workspace folder.

/** The file system path of a `file:` URI, or undefined for other schemes and malformed URIs. */
export function fsPathOf(uri: string): string | undefined {
  // URI.parse reads a string without a scheme as a file path relative to nothing: not a document URI.
  if (typeof uri !== 'string' || !/^file:/i.test(uri)) return undefined;
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? path.resolve(u.fsPath) : undefined;
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute path. */
export function fileUri(absPath: string): string {
  return URI.file(absPath).toString();
}

/** A key that compares paths the way the platform's file system does (case-insensitive on Windows). */
export function pathKey(absPath: string): string {
  return process.platform === 'win32' ? absPath.toLowerCase() : absPath;
}

/** Whether `child` is `parent` or lies below it. */
export function isInside(parent: string, child: string): boolean {
  const p = pathKey(parent);
  const c = pathKey(child);
  return c === p || c.startsWith(p.endsWith(path.sep) ? p : p + path.sep);
}

/** `child` relative to `root` with `/` separators; undefined when it lies outside. */
export function relativePath(root: string, child: string): string | undefined {
  if (!isInside(root, child)) return undefined;
  return path.relative(root, child).split(path.sep).join('/');
}
