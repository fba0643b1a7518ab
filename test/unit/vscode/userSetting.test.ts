import { strict as assert } from 'node:assert';
import { ignoredWorkspaceValue, isBoolean, isStringArray, userSetting } from '../../../src/vscode/userSetting';

describe('security settings come from the user only', () => {
  it("ignores a workspace's (or a cell's) .vscode/settings.json turning the sandbox off", () => {
    const inspected = { defaultValue: true, workspaceValue: false, workspaceFolderValue: false };
    assert.equal(userSetting(inspected, true, isBoolean), true);
    assert.equal(ignoredWorkspaceValue(inspected), true);
  });
  it("takes the user's own value", () => {
    assert.equal(userSetting({ defaultValue: true, globalValue: false }, true, isBoolean), false);
    assert.equal(ignoredWorkspaceValue({ defaultValue: true, globalValue: false }), false);
  });
  it('treats a value of the wrong type as unset', () => {
    assert.deepEqual(userSetting<string[]>({ defaultValue: [], globalValue: '/' as unknown as string[] }, [], isStringArray), []);
  });
});
