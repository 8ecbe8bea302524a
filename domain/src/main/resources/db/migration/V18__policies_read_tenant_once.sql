-- Reintegra schema, version 18: every row-level security policy reads the tenant setting once per
-- statement instead of once per row (ADR 0019, docs/benchmarks.md "Stop 31").
--
-- The policies compared each row's tenant columns with current_setting('app.tenant_id', true), a
-- stable function PostgreSQL calls again for every row it filters: a look-up of the setting by
-- name and a copy of its text. Over the agency's 550,000 referrals that nearly doubled its counts
-- (the query without row-level security 124 ms, with it 231 ms).
--
-- Written as a sub-select, (SELECT current_setting('app.tenant_id', true)), the same value is an
-- init plan: computed once when the statement first needs it and then compared like a parameter.
-- Who sees which row does not change: the expression, its value in a transaction and the policies'
-- commands and roles stay as they were; only the number of calls does.
--
-- The rewrite is done on the stored policies themselves (pg_policies), so that each keeps its exact
-- condition and the earlier migrations stay as they were applied. The block fails if it finds no
-- policy or leaves one calling the setting per row; SchemaSafetyIT fails on any policy, now or
-- later, that calls current_setting outside a sub-select. ALTER POLICY locks each table for the
-- moment of its change; the portal runs its migrations when it starts.
DO $$
DECLARE
    per_row CONSTANT text := 'current_setting(''app.tenant_id''::text, true)';
    per_statement CONSTANT text := '(SELECT current_setting(''app.tenant_id''::text, true))';
    -- how PostgreSQL stores (and pg_policies shows) the sub-select once parsed
    per_statement_stored CONSTANT text := '( SELECT current_setting(''app.tenant_id''::text, true) AS current_setting)';
    policy record;
    clauses text;
    rewritten integer := 0;
    left_per_row text;
BEGIN
    FOR policy IN
        SELECT schemaname, tablename, policyname, qual, with_check
          FROM pg_policies
         WHERE schemaname = current_schema()
           AND (qual LIKE '%current_setting(%' OR with_check LIKE '%current_setting(%')
         ORDER BY tablename, policyname
    LOOP
        clauses := '';
        IF policy.qual IS NOT NULL THEN
            clauses := ' USING (' || replace(policy.qual, per_row, per_statement) || ')';
        END IF;
        IF policy.with_check IS NOT NULL THEN
            clauses := clauses || ' WITH CHECK (' || replace(policy.with_check, per_row, per_statement) || ')';
        END IF;
        EXECUTE format('ALTER POLICY %I ON %I.%I', policy.policyname, policy.schemaname, policy.tablename)
                || clauses;
        rewritten := rewritten + 1;
    END LOOP;
    -- no silent success: the schema's policies were found, and none still calls the setting per row
    IF rewritten = 0 THEN
        RAISE EXCEPTION 'V18 found no policy reading app.tenant_id in schema %', current_schema();
    END IF;
    SELECT string_agg(tablename || '.' || policyname, ', ') INTO left_per_row
      FROM pg_policies
     WHERE schemaname = current_schema()
       AND replace(coalesce(qual, '') || ' ' || coalesce(with_check, ''), per_statement_stored, '')
           LIKE '%current_setting(%';
    IF left_per_row IS NOT NULL THEN
        RAISE EXCEPTION 'V18 left policies that call current_setting per row: %', left_per_row;
    END IF;
END
$$;
