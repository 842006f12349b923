/**
 * A module the caller hands in: `exports.connect = (mongoose) => mongoose.connect(url)`. The file
 * never imports mongoose, but a parameter named for the package is that package (its module and
 * default instance are one object), so its connection is judged as an import's would be.
 */
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import plaintext from '../../src/rules/no-plaintext-service-url';
import { ruleTests } from '../harness/rule-tester';

const cjsHandedIn = (param: string, call: string): string =>
  `exports.connect = function (${param}) {\n  ${param}.set('strictQuery', true);\n  ${call}\n};`;
const esmHandedIn = (param: string, call: string): string => `export const connect = async (${param}) => {\n  ${call}\n};`;

const remote = "mongoose.connect('mongodb://10.20.30.40:27017/shop', { user: 'shop', pass: 'hunter22' });";
const local = (name: string): string => `${name}.connect('mongodb://10.20.30.40:27017/shop', { user: 'shop', pass: 'hunter22' });`;

ruleTests('no-plaintext-service-url: a mongoose handed in as a parameter', plaintext, {
  valid: [
    // TLS on in the options, an environment URL, and a parameter of another name (no package).
    { code: cjsHandedIn('mongoose', "mongoose.connect('mongodb://10.20.30.40:27017/shop', { tls: true });"), sourceType: 'commonjs' },
    { code: esmHandedIn('mongoose', 'await mongoose.connect(process.env.MONGODB_URI);') },
    { code: cjsHandedIn('odm', local('odm')), sourceType: 'commonjs' },
    // A local variable of that name holds whatever the file gave it, not the package.
    { code: `const mongoose = makeOdm();\n${remote}`, sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: cjsHandedIn('mongoose', remote),
      sourceType: 'commonjs',
      errors: [
        {
          messageId: 'plaintext',
          line: 3,
          data: { client: 'mongoose', scheme: 'mongodb', secure: '`tls=true` in the URL or `tls: true`' },
          suggestions: [{ messageId: 'suggestTlsParam', data: { param: 'tls=true' }, output: cjsHandedIn('mongoose', remote.replace('/shop', '/shop?tls=true')) }],
        },
      ],
    },
    {
      code: esmHandedIn('mongoose', `await ${remote}`),
      errors: [{ messageId: 'plaintext', line: 2, suggestions: [{ messageId: 'suggestTlsParam', output: esmHandedIn('mongoose', `await ${remote.replace('/shop', '/shop?tls=true')}`) }] }],
    },
  ],
});

ruleTests('no-hardcoded-service-location: a mongoose handed in as a parameter', location, {
  valid: [{ code: esmHandedIn('mongoose', 'await mongoose.connect(process.env.MONGODB_URI);') }, { code: esmHandedIn('odm', `await ${local('odm')}`) }],
  invalid: [
    {
      code: cjsHandedIn('mongoose', remote),
      sourceType: 'commonjs',
      errors: [
        {
          messageId: 'hardcoded',
          line: 3,
          suggestions: [{ messageId: 'suggestEnv', data: { envVar: 'MONGODB_URI' }, output: cjsHandedIn('mongoose', remote.replace("'mongodb://10.20.30.40:27017/shop'", 'process.env.MONGODB_URI')) }],
        },
      ],
    },
  ],
});

ruleTests('no-hardcoded-service-credentials: a mongoose handed in as a parameter', credentials, {
  valid: [{ code: esmHandedIn('mongoose', "await mongoose.connect(process.env.MONGODB_URI, { pass: process.env.MONGODB_PASSWORD });") }],
  invalid: [{ code: esmHandedIn('mongoose', `await ${remote}`), errors: [{ messageId: 'option', line: 2, data: { client: 'mongoose', where: 'pass' } }] }],
});
