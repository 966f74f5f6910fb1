/**
 * Copies text, trying the asynchronous Clipboard API first and the older copy command second: Office hosts
 * differ in which one they allow inside an add-in's frame.
 * @returns whether either way succeeded.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithCommand(text);
  }
}

function copyWithCommand(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.append(area);
  area.select();
  try {
    // Deprecated but still the only way where the Clipboard API is blocked.
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
