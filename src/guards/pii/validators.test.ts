import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  creditCardValid,
  dateValid,
  deTaxIdValid,
  esDniValid,
  esNieValid,
  ibanValid,
  ipv4Valid,
  ipv6Valid,
  itFiscalCodeValid,
  luhnValid,
  passportMrzLineValid,
  ssnValid,
  ukNinoValid,
} from './validators.js';

const table: { name: string; fn: (v: string) => boolean; valid: string[]; invalid: string[] }[] = [
  { name: 'luhn', fn: luhnValid, valid: ['79927398713', '4111111111111111'], invalid: ['79927398710', '4111111111111112', ''] },
  {
    name: 'credit card',
    fn: creditCardValid,
    valid: ['4111111111111111', '5500000000000004', '340000000000009', '6011000000000004', '3530111333300000', '2223000048400011'],
    invalid: ['4111111111111112', '1234567812345678', '0000000000000000', '9111111111111111', '41111111111'],
  },
  {
    name: 'IBAN (ISO 13616)',
    fn: ibanValid,
    valid: ['GB82WEST12345698765432', 'DE89370400440532013000', 'gb42nawi04454264788619', 'NO9386011117947'],
    invalid: ['GB83WEST12345698765432', 'DE8937040044053201300', 'XX82WEST12345698765432', 'GB82WEST1234569876543!'],
  },
  {
    name: 'US SSN',
    fn: ssnValid,
    valid: ['460899847', '023010866', '772123456'],
    invalid: ['000123456', '666123456', '912123456', '123004567', '123450000', '078051120', '111111111', '12345678'],
  },
  { name: 'IPv4', fn: ipv4Valid, valid: ['192.168.0.1', '8.8.8.8'], invalid: ['256.1.1.1', '1.2.3', '01.2.3.4'] },
  { name: 'IPv6', fn: ipv6Valid, valid: ['2001:db8::1', '::ffff:192.0.2.1', 'fe80::1'], invalid: ['2001:db8:::1', '12345::', 'g::1'] },
  { name: 'UK NINO', fn: ukNinoValid, valid: ['AB123456C', 'ab123456c'], invalid: ['GB123456A', 'QQ123456C', 'AB123456E', 'AO123456C'] },
  { name: 'ES DNI', fn: esDniValid, valid: ['12345678Z', '00000000T'], invalid: ['12345678A', '1234567Z'] },
  { name: 'ES NIE', fn: esNieValid, valid: ['X1234567L', 'Y0000000Z'], invalid: ['X1234567A', 'A1234567L'] },
  { name: 'IT codice fiscale', fn: itFiscalCodeValid, valid: ['RSSMRA85T10A562S'], invalid: ['RSSMRA85T10A562T', 'RSSMRA85Z10A562S'] },
  { name: 'DE Steuer-ID', fn: deTaxIdValid, valid: ['86095742719', '47036892816'], invalid: ['86095742718', '06095742719', '11111111111', '12345678903'] },
  {
    name: 'passport MRZ (ICAO 9303)',
    fn: passportMrzLineValid,
    valid: ['L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    invalid: ['L898902C35UTO7408122F1204159ZE184226B<<<<<10', 'L898902C36UTO7408122F1204159ZE184226B<<<<<11'],
  },
];

describe('validators', () => {
  for (const row of table) {
    for (const v of row.valid) it(`${row.name} accepts ${v}`, () => assert.equal(row.fn(v), true));
    for (const v of row.invalid) it(`${row.name} rejects ${v}`, () => assert.equal(row.fn(v), false));
  }
  it('calendar dates', () => {
    assert.equal(dateValid(2024, 2, 29), true);
    assert.equal(dateValid(2023, 2, 29), false);
    assert.equal(dateValid(2023, 13, 1), false);
    assert.equal(dateValid(123, 1, 1), false);
  });
});
