import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../config';

export const TOGGLE_PRESENTER_COMMAND = 'gradientGeometry.togglePresenterMode';
export const PRESENTER_SETTING = 'presenterMode';

/**
 * "Toggle Presenter Mode": flips `gradientGeometry.presenterMode` (user settings, or the
 * workspace's when it sets it), which open panels follow: large type, thick lines, high contrast
 * and a clean layout for a projector. Returns the new value.
 */
export function registerPresenterCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(TOGGLE_PRESENTER_COMMAND, async (value?: unknown): Promise<boolean> => {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const next = typeof value === 'boolean' ? value : !config.get<boolean>(PRESENTER_SETTING, false);
    const inspected = config.inspect<boolean>(PRESENTER_SETTING);
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(PRESENTER_SETTING, next, target);
    void vscode.window.setStatusBarMessage(next ? vscode.l10n.t('Presenter mode on') : vscode.l10n.t('Presenter mode off'), 3000);
    return next;
  });
}
