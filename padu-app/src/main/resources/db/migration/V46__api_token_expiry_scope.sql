-- API tokens may expire and may be read-only (issue 19): a token past expires_at is refused like a
-- revoked one; a read-only token may only read (GET, HEAD, OPTIONS).
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN read_only BOOLEAN DEFAULT FALSE NOT NULL;
