import * as vscode from 'vscode';
import { LESSON_ORDER, parseLessonHeader, sortLessons, type LessonHeader } from '../../core/lessons';

/** A lesson shipped in the extension's examples/ folder. */
export interface Lesson {
  /** File name, e.g. "sigmoid-northwest.neuron". */
  readonly file: string;
  readonly uri: vscode.Uri;
  readonly header: LessonHeader;
  readonly text: string;
}

/**
 * Reads the lessons in `extensionUri`/examples, in teaching order. A web extension is served over
 * HTTP(S), where a folder cannot be listed: there the files are the ones LESSON_ORDER names (a unit
 * test keeps it equal to examples/).
 */
export async function readLessons(extensionUri: vscode.Uri): Promise<Lesson[]> {
  const dir = vscode.Uri.joinPath(extensionUri, 'examples');
  let names: string[];
  try {
    const entries = await vscode.workspace.fs.readDirectory(dir);
    names = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.neuron')).map(([name]) => name);
  } catch {
    names = [...LESSON_ORDER];
  }
  const decoder = new TextDecoder();
  const lessons = await Promise.all(
    sortLessons(names).map(async (file): Promise<Lesson | undefined> => {
      const uri = vscode.Uri.joinPath(dir, file);
      try {
        const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
        return { file, uri, text, header: parseLessonHeader(text) };
      } catch {
        return undefined;
      }
    }),
  );
  return lessons.filter((l): l is Lesson => l !== undefined);
}
