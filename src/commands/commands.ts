/**
 * Ribbon commands. This module runs in the shared runtime (it is bundled into taskpane.html next to the
 * functions and the pane), so a command can reach the pane's state.
 *
 * The DSG group on the Home tab has one button, which opens the task pane: a ShowTaskpane action, which needs
 * no code. A function command (a manifest action of type ExecuteFunction) would be registered here with
 * `Office.actions.associate(name, handler)`.
 */
export {};
