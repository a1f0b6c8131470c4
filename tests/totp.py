"""An independent RFC 6238 implementation, so 2FA tests do not trust the code under test."""

import base64
import hashlib
import hmac
import struct
import time


def totp_code(secret: str, *, offset_periods: int = 0, period: int = 30) -> str:
    counter = int(time.time()) // period + offset_periods
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"
