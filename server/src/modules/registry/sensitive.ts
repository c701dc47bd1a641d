import type { Keyring } from "../../core/crypto";
import { invalid } from "../../core/errors";
import { maskIdNumber, maskPhone, normalizeChinesePhone } from "../../core/privacy";

/** A personal value as stored: encrypted, a keyed blind index for exact look-up, masked, its tail. */
export interface SealedValue {
  enc: string;
  index: string;
  masked: string;
  tail: string;
}

/** Seals an already-normalised document number (see codes/id-documents.ts for normalising). */
export function sealIdNumber(keyring: Keyring, normalized: string): SealedValue {
  return {
    enc: keyring.encrypt(normalized),
    index: keyring.blindIndex(`id:${normalized}`),
    masked: maskIdNumber(normalized),
    tail: normalized.slice(-4),
  };
}

/** The blind index an ID number would have: for exact search without decrypting anything. */
export function idIndexOf(keyring: Keyring, normalized: string): string {
  return keyring.blindIndex(`id:${normalized}`);
}

/** Normalises and seals a phone number; a number that is neither mobile nor landline → 400 on `field`. */
export function sealPhone(keyring: Keyring, raw: string, field = "phone"): SealedValue {
  const phone = normalizeChinesePhone(raw);
  if (!phone)
    throw invalid(
      field,
      "电话号码格式不正确（手机号11位，或区号-号码）",
      "The phone number is neither a mainland mobile (11 digits) nor a landline (area code-number)",
    );
  return {
    enc: keyring.encrypt(phone),
    index: keyring.blindIndex(`phone:${phone}`),
    masked: maskPhone(phone),
    tail: phone.replace(/\D/g, "").slice(-4),
  };
}

/** The blind index a phone would have, or undefined when it is not a phone number. */
export function phoneIndexOf(keyring: Keyring, raw: string): string | undefined {
  const phone = normalizeChinesePhone(raw);
  return phone ? keyring.blindIndex(`phone:${phone}`) : undefined;
}

/** The clear value of a sealed field (only for a reveal that was authorised and audited). */
export function openValue(keyring: Keyring, enc: string | null): string | null {
  return enc === null ? null : keyring.decrypt(enc);
}
