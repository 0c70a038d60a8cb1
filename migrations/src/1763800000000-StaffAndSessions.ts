import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts with their roles, and the sessions their sign-in tokens stand for. */
export class StaffAndSessions1763800000000 implements MigrationInterface {
  name = 'StaffAndSessions1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE staff_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['CREDIT_ANALYST','COLLECTION','FINANCE','ADMIN']::text[]
        ),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        deactivation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT staff_member_email_unique UNIQUE (email),
        CONSTRAINT staff_member_deactivation_consistent CHECK (active = (deactivated_at IS NULL))
      )`);
    await q.query(`
      CREATE TABLE staff_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff_member(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX staff_session_staff_idx ON staff_session (staff_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_session`);
    await q.query(`DROP TABLE staff_member`);
  }
}
