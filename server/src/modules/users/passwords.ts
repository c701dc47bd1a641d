import { hash, verify } from "@node-rs/argon2";
import { invalid } from "../../core/errors";

/** Argon2id (the library's default algorithm) with its recommended parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the time of a login for an unknown user like that of a known one.
let dummy: Promise<string> | undefined;
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hash("pingan-timing-equaliser");
  await verifyPassword(await dummy, password);
}

/** Password rules: 8–128 characters, not all digits. */
export function checkPasswordStrength(password: string, field = "password"): void {
  if (password.length < 8 || password.length > 128)
    throw invalid(field, "密码长度须为 8 到 128 个字符", "Passwords must have 8 to 128 characters");
  if (/^\d+$/.test(password)) throw invalid(field, "密码不能全为数字", "A password cannot be digits only");
}
