import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The .xml files named by a command-line argument: the file itself, or every .xml file below a
 * folder (sorted, recursively). Null when the path does not exist.
 */
export async function listXmlFiles(arg: string, cwd: string): Promise<string[] | null> {
  const path = resolve(cwd, arg);
  let s: Awaited<ReturnType<typeof stat>>;
  try {
    s = await stat(path);
  } catch {
    return null;
  }
  if (!s.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.xml'))
    .map((e) => join(e.parentPath ?? path, e.name))
    .sort();
}
