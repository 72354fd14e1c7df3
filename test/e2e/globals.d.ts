// Code passed to page.evaluate() in extension pages runs where the `chrome` extension API exists.
declare const chrome: import('wxt/browser').WxtBrowser;
