import * as vscode from 'vscode';
import { TEMPLATES, type TemplateInfo } from '../../core/templates/catalog';
import { templateTargets } from '../../core/templates/findTemplate';
import { copyTemplate, existingTargets, templatesDir } from '../../store/templates/copyTemplate';
import { templateUiMessage } from './messages';

/** What tests read: which picker is open, and the notebooks the command created. */
export interface TemplatesApi {
  picking(): 'template' | 'folder' | undefined;
  created(): vscode.Uri[];
}

interface TemplateItem extends vscode.QuickPickItem {
  template: TemplateInfo;
}

interface FolderItem extends vscode.QuickPickItem {
  folder?: vscode.Uri;
}

/**
 * `modelbook.newFromTemplate` ("New Notebook from Template…"): pick a template, pick the folder
 * (the first workspace folder preselected, or another through the open dialog), copy the notebook
 * and its data there without overwriting anything, and open the notebook.
 */
export function registerTemplates(extensionUri: vscode.Uri): { disposables: vscode.Disposable[]; api: TemplatesApi } {
  const shipped = templatesDir(vscode.Uri.joinPath(extensionUri, 'dist').fsPath);
  let picking: 'template' | 'folder' | undefined;
  const created: vscode.Uri[] = [];
  const setPicking = (step: typeof picking) => (picking = step);

  const newFromTemplate = async (): Promise<void> => {
    const items: TemplateItem[] = TEMPLATES.map((t) => ({ label: t.title, description: t.id, detail: t.description, template: t }));
    const picked = await showPick(items, { title: templateUiMessage.pickTitle, placeholder: templateUiMessage.pickPlaceholder }, 'template', setPicking);
    if (!picked) return;
    let folder = await pickFolder(picked.template, setPicking);
    while (folder) {
      const existing = existingTargets(picked.template, folder.fsPath);
      if (existing.length === 0) break;
      const again = await vscode.window.showWarningMessage(templateUiMessage.exists(existing, folder.fsPath), { modal: true }, templateUiMessage.chooseAnother);
      folder = again ? await openDialog(folder) : undefined;
    }
    if (!folder) return;
    try {
      const written = copyTemplate(shipped, picked.template, folder.fsPath);
      const notebook = vscode.Uri.joinPath(folder, written[0]);
      created.push(notebook);
      await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(notebook));
    } catch (e) {
      void vscode.window.showErrorMessage(templateUiMessage.failed((e as Error).message));
    }
  };

  return {
    disposables: [vscode.commands.registerCommand('modelbook.newFromTemplate', newFromTemplate)],
    api: { picking: () => picking, created: () => [...created] },
  };
}

/** The workspace folders (the first preselected) and "Another folder…"; undefined when dismissed. */
async function pickFolder(template: TemplateInfo, setPicking: (step: 'template' | 'folder' | undefined) => void): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return openDialog(undefined);
  const detail = templateUiMessage.folderDetail(templateTargets(template));
  const items: FolderItem[] = [...folders.map((f) => ({ label: templateUiMessage.folderItem(f.name), description: f.uri.fsPath, detail, folder: f.uri })), { label: templateUiMessage.otherFolder }];
  const picked = await showPick(items, { title: templateUiMessage.whereTitle(template.title) }, 'folder', setPicking);
  if (!picked) return undefined;
  return picked.folder ?? openDialog(folders[0].uri);
}

async function openDialog(near: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: templateUiMessage.openLabel,
    ...(near ? { defaultUri: near } : {}),
  });
  return chosen?.[0];
}

/** A quick pick with its first item active; `setPicking` says which step is open (the tests accept it). */
function showPick<T extends vscode.QuickPickItem>(
  items: T[],
  text: { title: string; placeholder?: string },
  step: 'template' | 'folder',
  setPicking: (step: 'template' | 'folder' | undefined) => void,
): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = text.title;
  if (text.placeholder) pick.placeholder = text.placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  if (items.length > 0) pick.activeItems = [items[0]];
  return new Promise((resolve) => {
    let chosen: T | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      setPicking(undefined);
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
    setPicking(step);
  });
}
