import { nodemailer } from './nodemailer';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

const transport = rebase(nodemailer, 'transport');

/**
 * @nestjs-modules/mailer (formerly @nest-modules/mailer): `MailerModule.forRoot({ transport })`
 * and `forRootAsync({ useFactory })` call `nodemailer.createTransport(transport)`; `transport`
 * is SMTP options or an `smtp(s)://` URL.
 */
export const nestjsMailer: CatalogEntry = {
  ...nodemailer,
  ...transport,
  location: { ...transport.location, urlPaths: ['transport', ...transport.location.urlPaths] },
  id: '@nestjs-modules/mailer',
  displayName: '@nestjs-modules/mailer',
  modules: ['@nestjs-modules/mailer', '@nest-modules/mailer'],
  factories: [
    { path: 'MailerModule.forRoot', invoke: 'call', args: ['$spread'] },
    { path: 'MailerModule.forRootAsync', invoke: 'call', args: ['$async'] },
  ],
  optionTypes: [{ path: 'MailerOptions' }],
  shape: undefined,
  recipe: { ...transport.recipe, urlOption: 'transport' },
  wraps: 'nodemailer',
  notes: ['`transport` goes to `nodemailer.createTransport`: every nodemailer fact applies under it.', ...nodemailer.notes],
};
