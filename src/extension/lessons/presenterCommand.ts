import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../config';

export const TOGGLE_PRESENTER_COMMAND = 'gradientGeometry.togglePresenterMode';
export const PRESENTER_SETTING = 'presenterMode';

/** What turning presenter mode on changed in the workbench's layout, so that turning it off restores it. */
interface LayoutChanges {
  /** The panel's editor group was maximized (other groups out of the way). */
  readonly maximized: boolean;
  /** The primary side bar was closed. */
  readonly sideBar: boolean;
}

const LAYOUT_KEY = 'gradientGeometry.presenterLayout';

/** A panel the command can give the editor area to. */
export interface PresentablePanel {
  readonly webviewPanel: vscode.WebviewPanel;
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
 * Gives the editor area to the geometry panel: focuses its group, maximizes that group when there
 * are others (View: Toggle Maximize Editor Group), and closes the side bar, the secondary side bar
 * and the bottom panel. Returns what to undo.
 */
async function presentLayout(panels: readonly PresentablePanel[]): Promise<LayoutChanges> {
  const panel = panels.find((p) => p.webviewPanel.active) ?? panels.find((p) => p.webviewPanel.visible) ?? panels[0];
  if (panel) panel.webviewPanel.reveal(panel.webviewPanel.viewColumn, false);
  let maximized = false;
  if (panel && vscode.window.tabGroups.all.length > 1) maximized = await run('workbench.action.toggleMaximizeEditorGroup');
  const sideBar = await run('workbench.action.closeSidebar');
  await run('workbench.action.closeAuxiliaryBar');
  await run('workbench.action.closePanel');
  return { maximized, sideBar };
}

/** Undoes presentLayout: the groups come back, and the side bar with the view it showed. */
async function restoreLayout(changes: LayoutChanges | undefined): Promise<void> {
  if (!changes) return;
  if (changes.maximized) await run('workbench.action.toggleMaximizeEditorGroup');
  if (changes.sideBar) {
    await run('workbench.action.focusSideBar');
    await run('workbench.action.focusActiveEditorGroup');
  }
}

/**
 * "Toggle Presenter Mode": flips `gradientGeometry.presenterMode` (user settings, or the
 * workspace's when it sets it), which open panels follow (large type, thick lines, high contrast,
 * the one-screen layout for a projector), and gives the panel the whole editor area: other editor
 * groups and the side bars out of the way, restored when it is turned off. Returns the new value.
 */
export function registerPresenterCommand(panels: () => readonly PresentablePanel[] = () => [], memento?: vscode.Memento): vscode.Disposable {
  return vscode.commands.registerCommand(TOGGLE_PRESENTER_COMMAND, async (value?: unknown): Promise<boolean> => {
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
  });
}
