import { startTestServer } from './test-server';

export default startTestServer;
