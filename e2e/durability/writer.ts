// Child process of the kill -9 durability test: writes through the core services (the same code
// the app and the CLI run) and prints one line per write only AFTER its transaction committed.
// Pipes to the parent are synchronous on Linux, so a line the parent read was a committed write.
//   node --import tsx e2e/durability/writer.ts LIBRARY_DIR WRITES
import { writeSync } from 'node:fs';
import { documentOf, paragraph } from '../../shared/answers/document';
import { createAnswer, saveAnswerDoc } from '../../electron/core/answers';
import { openLibrary } from '../../electron/core/library';

const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!dir || !Number.isInteger(count)) {
  process.stderr.write('usage: writer.ts LIBRARY_DIR WRITES\n');
  process.exit(2);
}

const say = (line: string) => writeSync(1, `${line}\n`);
const library = openLibrary(dir, { actor: 'durability' });
// One answer per run receives autosaves, like the editor typing into it.
const draft = createAnswer(library, { title: `autosave ${process.pid}`, language: 'en', kind: 'answer' });
say(`draft ${draft.id}`);
for (let i = 0; i < count; i++) {
  if (i % 2 === 0) {
    const answer = createAnswer(library, {
      title: `write ${process.pid}-${i}`,
      language: 'en',
      kind: 'answer',
    });
    say(`answer ${answer.id} write ${process.pid}-${i}`);
  } else {
    saveAnswerDoc(library, draft.id, documentOf([paragraph(`typed up to ${i}`)]));
    say(`autosave ${draft.id} ${i}`);
  }
}
library.close();
say('done');
