import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { suggestCapabilities } from './suggest';
import { setScope } from './verdict';

export function scopeHandlers(studio: Studio): Handlers<'scope:suggest' | 'scope:set'> {
  return {
    'scope:suggest': ({ questionId, limit }) => suggestCapabilities(studio.library().db, questionId, limit),
    'scope:set': (input) => {
      const result = setScope(studio.writableLibrary(), input);
      studio.changed('questions', 'log');
      return result;
    },
  };
}
