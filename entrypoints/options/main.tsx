import { render } from 'preact';
import { App } from '@/components/options/App';

render(<App />, document.getElementById('app')!);
