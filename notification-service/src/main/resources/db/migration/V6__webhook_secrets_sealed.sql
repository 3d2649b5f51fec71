-- Webhook secrets are sealed at rest (AES-256-GCM, WebhookSecrets): gcm1:<base64>, longer than the plain whsec_ form.
-- Rows written before are sealed by the service at start. During a rotation a subscription holds two secrets.
alter table webhook_subscription alter column secret type varchar(500);
alter table webhook_subscription add column previous_secret varchar(500);
alter table webhook_subscription add column secret_rotated_at timestamptz;
