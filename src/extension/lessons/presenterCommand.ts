import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../config';

export const TOGGLE_PRESENTER_COMMAND = 'gradientGeometry.togglePresenterMode';
export const PRESENTER_SETTING = 'presenterMode';

/** What turning presenter mode on changed in the workbench's layout, so that turning it off restores it. */
interface LayoutChanges {
  /** The panel's editor group was maximized (other groups out of the way). */
  readonly maximized: boolean;
  /** The primary side bar was open and was closed. */
  readonly sideBar: boolean;
  /** The secondary side bar was open and was closed. */
  readonly auxiliaryBar?: boolean;
  /** The bottom panel (terminal, problems, output) was open and was closed. */
  readonly panel?: boolean;
}

const LAYOUT_KEY = 'gradientGeometry.presenterLayout';

/** A viewport size in CSS pixels. */
export interface ViewportSize {
  readonly width: number;
  readonly height: number;
}

/** A panel the command can give the editor area to. */
export interface PresentablePanel {
  readonly webviewPanel: vscode.WebviewPanel;
  /** Its webview's viewport once the layout has settled (undefined: it cannot tell). */
  measureViewport?(): Promise<ViewportSize | undefined>;
}

async function run(command: string): Promise<boolean> {
  try {
    await vscode.commands.executeCommand(command);
    return true;
  } catch {
    return false;
  }
}

/**
 * The workbench parts presenter mode closes, with the commands that close and reopen each. VS Code
 * has no API that says whether a part is open, so the panel's own size tells: a part was open when
 * closing it made the panel larger (closing a closed part changes nothing).
 */
const PARTS = [
  { key: 'auxiliaryBar', close: 'workbench.action.closeAuxiliaryBar', open: 'workbench.action.focusAuxiliaryBar' },
  { key: 'panel', close: 'workbench.action.closePanel', open: 'workbench.action.focusPanel' },
  { key: 'sideBar', close: 'workbench.action.closeSidebar', open: 'workbench.action.focusSideBar' },
] as const;

/**
 * Gives the editor area to the geometry panel: focuses it, closes the secondary side bar, the
 * bottom panel and the side bar (noting which were open), and maximizes its group when there are
 * others (View: Toggle Maximize Editor Group). Returns what to undo.
 */
async function presentLayout(panels: readonly PresentablePanel[]): Promise<LayoutChanges> {
  const panel = panels.find((p) => p.webviewPanel.active) ?? panels.find((p) => p.webviewPanel.visible) ?? panels[0];
  if (panel) panel.webviewPanel.reveal(panel.webviewPanel.viewColumn, false);
  const measure = async (): Promise<ViewportSize | undefined> => (panel?.measureViewport ? panel.measureViewport() : undefined);
  const closed: Partial<Record<(typeof PARTS)[number]['key'], boolean>> = {};
  let size = await measure();
  for (const part of PARTS) {
    if (!(await run(part.close))) continue;
    const after = size ? await measure() : undefined;
    // Without a size to compare, the usual layout is assumed: the side bar open, the others closed.
    closed[part.key] = size && after ? after.width !== size.width || after.height !== size.height : part.key === 'sideBar';
    size = after;
  }
  let maximized = false;
  if (panel && vscode.window.tabGroups.all.length > 1) maximized = await run('workbench.action.toggleMaximizeEditorGroup');
  return { maximized, sideBar: closed.sideBar === true, auxiliaryBar: closed.auxiliaryBar === true, panel: closed.panel === true };
}

/** Undoes presentLayout: the groups come back, and each part that was open, with the view it showed. */
async function restoreLayout(changes: LayoutChanges | undefined): Promise<void> {
  if (!changes) return;
  if (changes.maximized) await run('workbench.action.toggleMaximizeEditorGroup');
  let opened = false;
  for (const part of [...PARTS].reverse()) {
    if (changes[part.key] !== true) continue;
    opened = (await run(part.open)) || opened;
  }
  if (opened) await run('workbench.action.focusActiveEditorGroup');
}

/**
 * "Toggle Presenter Mode": flips `gradientGeometry.presenterMode` (user settings, or the
 * workspace's when it sets it), which open panels follow (large type, thick lines, high contrast,
 * the one-screen layout for a projector), and gives the panel the whole editor area: other editor
 * groups, the side bars and the bottom panel out of the way; turned off, exactly the parts that
 * were open come back. Returns the new value.
 */
export function registerPresenterCommand(panels: () => readonly PresentablePanel[] = () => [], memento?: vscode.Memento): vscode.Disposable {
  // One toggle at a time: a second press while the first is still closing parts and measuring the
  // panel would read the layout before the first saved it, and restore nothing.
  let previous: Promise<unknown> = Promise.resolve();
  return vscode.commands.registerCommand(TOGGLE_PRESENTER_COMMAND, (value?: unknown): Promise<boolean> => {
    const result = previous.then(() => toggle(value));
    previous = result.catch(() => undefined);
    return result;
  });

  async function toggle(value: unknown): Promise<boolean> {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const next = typeof value === 'boolean' ? value : !config.get<boolean>(PRESENTER_SETTING, false);
    const inspected = config.inspect<boolean>(PRESENTER_SETTING);
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(PRESENTER_SETTING, next, target);
    const saved = memento?.get<LayoutChanges>(LAYOUT_KEY);
    // Already presenting: the layout is already changed (toggling the maximized group again would undo it).
    if (next && !saved) await memento?.update(LAYOUT_KEY, await presentLayout(panels()));
    if (!next) {
      await restoreLayout(saved);
      await memento?.update(LAYOUT_KEY, undefined);
    }
    void vscode.window.setStatusBarMessage(next ? vscode.l10n.t('Presenter mode on') : vscode.l10n.t('Presenter mode off'), 3000);
    return next;
  }
}
