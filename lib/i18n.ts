// Every user-facing string goes through browser.i18n (public/_locales/en/messages.json).
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/**
 * A message about `count` things: browser.i18n has no plural rules, so the singular has its own key
 * (`one`: "1 account", `other`: "$COUNT$ accounts"). `count` is the first substitution, shown as a local number.
 */
export function plural(count: number, one: MessageKey, other: MessageKey, ...more: (string | number)[]): string {
  return t(Math.abs(count) === 1 ? one : other, count.toLocaleString(), ...more);
}
