import { render } from 'preact';
import { SidePanelApp } from '@/components/app/SidePanelApp';
import '@/components/styles/panel.css';

render(<SidePanelApp />, document.getElementById('app')!);
