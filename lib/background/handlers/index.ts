// Every message the background answers, gathered from the domain modules beside this file.
// A new message type: declare it in lib/messaging.ts, validate it in ../router.ts, answer it in a module here.
import type { HealthmarkDb } from '../../data/db';
import type { Handlers } from '../router';
import { accountHandlers } from './accounts';
import { configHandlers } from './config';
import { dataHandlers } from './data';
import { importHandlers } from './import';
import { navigationHandlers } from './navigation';
import { outcomeHandlers } from './outcomes';
import { privacyHandlers } from './privacy';
import { syncHandlers } from './sync';
import { createUploads, uploadHandlers } from './uploads';

export function createHandlers(db: HealthmarkDb): Handlers {
  const uploads = createUploads(); // shared: both file kinds arrive through importChunk
  return {
    ...dataHandlers(db), ...navigationHandlers(), ...configHandlers(db), ...accountHandlers(db), ...privacyHandlers(db), ...syncHandlers(db),
    ...uploadHandlers(uploads), ...importHandlers(db, uploads), ...outcomeHandlers(db, uploads),
  };
}
