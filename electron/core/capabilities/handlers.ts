import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { createCapability, deleteCapability, moveCapability, updateCapability } from './edit';
import { placeCapabilityAt } from './place';
import { listCapabilities, listProducts } from './queries';
import { exportCatalogue, importCatalogueFile } from './transfer';

type CapabilityChannel =
  | 'capabilities:list'
  | 'products:list'
  | 'capabilities:create'
  | 'capabilities:update'
  | 'capabilities:delete'
  | 'capabilities:move'
  | 'capabilities:place'
  | 'capabilities:export'
  | 'capabilities:import';

export function capabilityHandlers(studio: Studio): Handlers<CapabilityChannel> {
  const changed = <T>(value: T): T => {
    studio.changed('capabilities');
    return value;
  };
  return {
    'capabilities:list': () => listCapabilities(studio.library().db),
    'products:list': () => listProducts(studio.library().db),
    'capabilities:create': (input) => changed(createCapability(studio.writableLibrary(), input)),
    'capabilities:update': (input) => changed(updateCapability(studio.writableLibrary(), input)),
    'capabilities:delete': ({ id }) => changed(deleteCapability(studio.writableLibrary(), id)),
    'capabilities:move': ({ id, direction }) =>
      changed(moveCapability(studio.writableLibrary(), id, direction)),
    'capabilities:place': ({ id, ...to }) => changed(placeCapabilityAt(studio.writableLibrary(), id, to)),
    'capabilities:export': async () => {
      const library = studio.writableLibrary();
      const target = await studio.dialogs.chooseSaveFile({
        title: 'exportCapabilities',
        defaultName: 'capabilities.json',
        filters: [{ name: 'json', extensions: ['json'] }],
      });
      if (target === null) return null;
      return { path: target, ...(await exportCatalogue(library, target)) };
    },
    'capabilities:import': async () => {
      const library = studio.writableLibrary();
      const [source] = await studio.dialogs.chooseFiles({
        title: 'importCapabilities',
        filters: [{ name: 'json', extensions: ['json'] }],
        multiple: false,
      });
      if (!source) return null;
      return changed({ path: source, ...(await importCatalogueFile(library, source)) });
    },
  };
}
