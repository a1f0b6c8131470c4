"""Attachment objects (1.0.3 Data 2.4.11; 2.0 4.2.2.6)."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.lrs.validation.common import (
    check_keys,
    is_sha2,
    require_array,
    require_string,
    type_error,
    validate_iri,
    validate_irl,
    validate_language_map,
)
from lms.lrs.validation.errors import StatementValidationError

_ATTACHMENT_KEYS = frozenset(
    ("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl")
)
_REQUIRED = ("usageType", "display", "contentType", "length", "sha2")
_AN_ATTACHMENT = gettext_noop("an Attachment")
_A_USAGE_TYPE = gettext_noop("a usageType IRI")
_A_FILE_URL = gettext_noop("a fileUrl IRL")
# RFC 2045 §5.1: type "/" subtype, each a token, then optional parameters.
_RESTRICTED_NAME = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_MEDIA_TYPE = re.compile(
    rf"{_RESTRICTED_NAME}/{_RESTRICTED_NAME}(?:\s*;.*)?", re.DOTALL
)


def validate_attachments(attachments: object, *, path: str) -> None:
    require_array(attachments, path)
    for index, attachment in enumerate(attachments):
        validate_attachment(attachment, path=f"{path}[{index}]")


def validate_attachment(attachment: object, *, path: str) -> None:
    if type(attachment) is not dict:
        raise type_error(path, _("an Attachment object"), attachment)
    check_keys(attachment, _ATTACHMENT_KEYS, path, _AN_ATTACHMENT, "Data 2.4.11")
    p = f"{path}." if path else ""
    for key in _REQUIRED:
        if key not in attachment:
            raise StatementValidationError(
                f"{p}{key}",
                _('An Attachment requires "%(key)s" (1.0.3 Data 2.4.11.s2.table1).')
                % {"key": key},
            )
    validate_iri(attachment["usageType"], path=f"{p}usageType", what=_A_USAGE_TYPE)
    validate_language_map(attachment["display"], path=f"{p}display")
    if "description" in attachment:
        validate_language_map(attachment["description"], path=f"{p}description")
    content_type = require_string(attachment["contentType"], f"{p}contentType")
    if _MEDIA_TYPE.fullmatch(content_type) is None:
        raise StatementValidationError(
            f"{p}contentType",
            _(
                'Must be an Internet Media Type such as "text/plain" or '
                '"application/pdf" (RFC 2046; 1.0.3 Data 2.4.11.s2.table1.row4).'
            ),
        )
    length = attachment["length"]
    if type(length) is not int or length < 0:
        raise StatementValidationError(
            f"{p}length",
            _(
                "Must be the length of the attachment in octets: a non-negative integer "
                "(1.0.3 Data 2.4.11.s2.table1.row5)."
            ),
        )
    sha2 = require_string(attachment["sha2"], f"{p}sha2")
    if not is_sha2(sha2):
        raise StatementValidationError(
            f"{p}sha2",
            _(
                "Must be the hex-encoded SHA-2 hash of the attachment data (SHA-224, "
                "-256, -384 or -512) (1.0.3 Data 2.4.11.s2.table1.row6)."
            ),
        )
    if "fileUrl" in attachment:
        validate_irl(attachment["fileUrl"], path=f"{p}fileUrl", what=_A_FILE_URL)
