// The admin token every Tidings the tests and the benchmark start is given (its own module, so
// that the benchmark can use it without importing the test runner).
export const TEST_ADMIN_TOKEN = 'tdk_adm_test-admin-token-0123456789';
