import * as vscode from 'vscode';
import { readLessons, type Lesson } from './lessonCatalogue';

export const OPEN_LESSON_COMMAND = 'gradientGeometry.openLesson';
/** Context key: the file name of the lesson opened last (walkthrough completion events use it). */
export const LAST_LESSON_CONTEXT = 'gradientGeometry.lastLesson';
/** Context key: how many lessons were opened in this window. */
export const LESSONS_OPENED_CONTEXT = 'gradientGeometry.lessonsOpened';

interface LessonItem extends vscode.QuickPickItem {
  readonly lesson: Lesson;
}

/**
 * Where a lesson opens: the workspace's own copy of the file when there is one (so the student's
 * edits are saved with their work), otherwise an untitled copy of the shipped lesson (the
 * installed extension's files are never edited).
 */
async function lessonDocument(lesson: Lesson): Promise<vscode.TextDocument> {
  // A folder's top level first: stat works on every file system, file search not on all of them (web).
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, lesson.file);
    const isFile = await vscode.workspace.fs.stat(uri).then(
      (s) => s.type === vscode.FileType.File,
      () => false,
    );
    if (isFile) return vscode.workspace.openTextDocument(uri);
  }
  if (vscode.workspace.workspaceFolders?.length) {
    const found = await vscode.workspace.findFiles(`**/${lesson.file}`, '**/node_modules/**', 1);
    if (found.length > 0) return vscode.workspace.openTextDocument(found[0]);
  }
  return vscode.workspace.openTextDocument({ language: 'neuron', content: lesson.text });
}

/**
 * "Open Lesson...": a Quick Pick of the shipped lessons (title and one-line description from each
 * file's header comment); the chosen one opens in an editor with the geometry panel beside it.
 * Called with a file name (from a walkthrough link) it opens that lesson directly.
 */
export function registerOpenLessonCommand(extensionUri: vscode.Uri, showPanel: () => void): vscode.Disposable {
  let opened = 0;
  return vscode.commands.registerCommand(OPEN_LESSON_COMMAND, async (file?: unknown): Promise<string | undefined> => {
    const lessons = await readLessons(extensionUri);
    if (lessons.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No lessons were found in the extension folder.'));
      return undefined;
    }
    let lesson: Lesson | undefined;
    if (typeof file === 'string' && file.length > 0) {
      lesson = lessons.find((l) => l.file === file || l.file === `${file}.neuron`);
      if (!lesson) {
        void vscode.window.showErrorMessage(vscode.l10n.t('There is no lesson named {0}.', file));
        return undefined;
      }
    } else {
      const items: LessonItem[] = lessons.map((l, i) => ({
        label: `${i + 1}. ${l.header.title || l.file}`,
        description: l.file,
        detail: l.header.description,
        lesson: l,
      }));
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Open Lesson'),
        placeHolder: vscode.l10n.t('Choose a lesson: each opens a commented spec with its picture beside it'),
        matchOnDescription: true,
        matchOnDetail: true,
      });
      lesson = picked?.lesson;
    }
    if (!lesson) return undefined;
    const document = await lessonDocument(lesson);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
    showPanel();
    opened++;
    await vscode.commands.executeCommand('setContext', LAST_LESSON_CONTEXT, lesson.file);
    await vscode.commands.executeCommand('setContext', LESSONS_OPENED_CONTEXT, opened);
    return lesson.file;
  });
}
