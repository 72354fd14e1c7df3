// @vitest-environment happy-dom
// Salesforce record titles: only an account's own title is a customer name, also when the title sits in a
// shadow root below the highlights panel.

import { describe, expect, it } from 'vitest';
import { salesforce } from '../../../lib/sites/salesforce';
import { loadPage, openShadowRoots } from './fixture-dom';

const scanAll = (body: string) => {
  const doc = loadPage(`<!doctype html><html><body>${body}</body></html>`, 'https://acme.lightning.force.com/lightning/page/home');
  return [doc, ...openShadowRoots(doc)].flatMap((root) => salesforce.scan(root)).map((m) => m.value);
};

const title = (object: string, name: string, shadow: boolean) => {
  const header = `<h1 class="slds-page-header__title"><lightning-formatted-text>${name}</lightning-formatted-text></h1>`;
  const body = shadow ? `<template shadowrootmode="open">${header}</template>` : header;
  return `<forcegenerated-highlightspanel_${object}___012___compact___view___recordlayout2><records-highlights2>${body}</records-highlights2></forcegenerated-highlightspanel_${object}___012___compact___view___recordlayout2>`;
};

describe('salesforce record titles', () => {
  it('reads the title of an account record, in light DOM and in a shadow root', () => {
    expect(scanAll(title('account', 'Helios Solar', false))).toEqual(['Helios Solar']);
    expect(scanAll(title('account', 'Helios Solar', true))).toEqual(['Helios Solar']);
  });

  it('ignores the title of any other record', () => {
    expect(scanAll(title('opportunity', 'Helios Solar – 40 seats', true) + title('case', 'Login broken', false))).toEqual([]);
  });
});
