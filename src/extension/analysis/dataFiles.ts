// The data files specs name (`x = csv("acts.csv")`, `npy("x.npy")`), read on the host through
// vscode.workspace.fs (so the web extension reads them too), relative to the spec's folder, and
// watched: a changed file bumps `stamp`, which is part of every analysis' identity, and fires
// `onDidChange` so diagnostics and panels analyse again. The parser itself stays pure (core/spec
// dataFiles.ts): it gets the bytes in ParseOptions.files.
import * as vscode from 'vscode';
import { dataFileReferences, MAX_DATA_FILE_BYTES } from '../../core/spec/dataFiles';

/** A file's bytes, `null` when it cannot be read, `'loading'` while a read is on its way. */
type Entry = Uint8Array | null | 'loading';

export class DataFiles implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.{csv,npy,CSV,NPY,tsv,txt}');
  /** Bumped whenever a data file's bytes become known or change. */
  stamp = 0;
  readonly onDidChange = this.changed.event;

  constructor() {
    const invalidate = (uri: vscode.Uri): void => {
      if (!this.entries.has(uri.toString())) return;
      this.entries.delete(uri.toString());
      this.bump();
    };
    this.watcher.onDidChange(invalidate);
    this.watcher.onDidCreate(invalidate);
    this.watcher.onDidDelete(invalidate);
  }

  /** The files `text` names, relative to `document`, as far as they are loaded (missing ones load in the background). */
  filesFor(documentUri: vscode.Uri, text: string): Record<string, Uint8Array> {
    const files: Record<string, Uint8Array> = {};
    if (!text.includes('csv') && !text.includes('npy')) return files;
    const folder = vscode.Uri.joinPath(documentUri, '..');
    for (const { path } of dataFileReferences(text)) {
      const uri = vscode.Uri.joinPath(folder, path);
      const entry = this.entries.get(uri.toString());
      if (entry === undefined) this.load(uri);
      else if (entry instanceof Uint8Array) files[path] = entry;
    }
    return files;
  }

  private load(uri: vscode.Uri): void {
    const key = uri.toString();
    this.entries.set(key, 'loading');
    void (async () => {
      let bytes: Uint8Array | null = null;
      try {
        const st = await vscode.workspace.fs.stat(uri);
        if (st.type === vscode.FileType.File && st.size <= MAX_DATA_FILE_BYTES) bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        // Missing or unreadable: the parser names it (GG230).
      }
      if (this.entries.get(key) !== 'loading') return; // invalidated meanwhile: a newer read follows
      this.entries.set(key, bytes);
      this.bump();
    })();
  }

  private bump(): void {
    this.stamp++;
    this.changed.fire();
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}

/** The extension's one instance (set at activation; absent in unit tests of the language folder). */
export let dataFiles: DataFiles | undefined;

export function setDataFiles(files: DataFiles | undefined): void {
  dataFiles = files;
}
