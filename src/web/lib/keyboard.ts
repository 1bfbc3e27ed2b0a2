/** The parts of a key press's target that say whether the key was typed into it. */
export type KeyTarget = { tagName: string; type?: string; isContentEditable?: boolean } | null;

// Keys typed into these belong to them; a checkbox or a button only reacts to Space and Enter.
const typingTags = new Set(['TEXTAREA', 'SELECT']);
const clickableInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Whether a key press belongs to the text the agent is typing rather than to a shortcut. */
export function isTyping(target: KeyTarget): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'INPUT') return !clickableInputs.has((target.type ?? 'text').toLowerCase());
  return typingTags.has(tag) || target.isContentEditable === true;
}
