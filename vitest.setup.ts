// Said once per test run: which store engines the store and API tests run on.
export default function announceEngines() {
  if (process.env.TEST_DATABASE_URL)
    console.log("Store and API tests run on SQLite and on PostgreSQL (TEST_DATABASE_URL).");
  else console.log("PostgreSQL tests skipped: TEST_DATABASE_URL is not set. Store and API tests run on SQLite only.");
}
