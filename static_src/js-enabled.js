// Loaded first in <body>: lets GOV.UK Frontend style components that need JavaScript.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
