import * as vscode from 'vscode';
import { parseLessonHeader, sortLessons, type LessonHeader } from '../../core/lessons';

/** A lesson shipped in the extension's examples/ folder. */
export interface Lesson {
  /** File name, e.g. "sigmoid-northwest.neuron". */
  readonly file: string;
  readonly uri: vscode.Uri;
  readonly header: LessonHeader;
  readonly text: string;
}

/** Reads the lessons in `extensionUri`/examples, in teaching order. */
export async function readLessons(extensionUri: vscode.Uri): Promise<Lesson[]> {
  const dir = vscode.Uri.joinPath(extensionUri, 'examples');
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const files = sortLessons(entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.neuron')).map(([name]) => name));
  const decoder = new TextDecoder();
  return Promise.all(
    files.map(async (file) => {
      const uri = vscode.Uri.joinPath(dir, file);
      const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
      return { file, uri, text, header: parseLessonHeader(text) };
    }),
  );
}
