import { formMessages, type FormMessageKey, type LocalizedText } from './messages';

/** A catalogue message with its `{name}` placeholders filled in, in both languages. */
export function formMessage(key: FormMessageKey, params: Record<string, string | number> = {}): LocalizedText {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const message = formMessages[key];
  return { id: fill(message.id), en: fill(message.en) };
}
