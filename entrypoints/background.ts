import { startBackground } from '@/lib/background/start';

// The service worker owns the network and IndexedDB; everything is wired in lib/background.
export default defineBackground(startBackground);
