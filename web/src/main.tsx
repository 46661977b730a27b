/** The backchannel web app: one page, hash routes, every view backed by an API endpoint. */
import { render } from 'preact';
import { useRoute } from './router';
import { Home } from './views/Home';
import { Actor } from './views/Actor';
import { Network } from './views/Network';
import { Channels } from './views/Channels';
import { Article } from './views/Article';
import { Analyze } from './views/Analyze';
import { ApiDocs } from './views/ApiDocs';
import './style.css';

const NAV: [string, string][] = [
  ['home', 'Search'],
  ['network', 'Network'],
  ['channels', 'Channels'],
  ['analyze', 'Analyse'],
  ['api', 'API'],
];

function App() {
  const route = useRoute();
  let view;
  switch (route.view) {
    case 'actor':
      view = route.arg ? <Actor id={route.arg} /> : null;
      break;
    case 'network':
      view = <Network params={route.params} />;
      break;
    case 'channels':
      view = <Channels params={route.params} />;
      break;
    case 'article':
      view = route.arg ? <Article id={route.arg} /> : null;
      break;
    case 'analyze':
      view = <Analyze />;
      break;
    case 'api':
      view = <ApiDocs />;
      break;
    default:
      view = <Home q={route.params.get('q') ?? ''} />;
  }
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">backchannel</a>
        <nav>
          {NAV.map(([v, label]) => (
            <a key={v} href={'#/' + (v === 'home' ? '' : v)} class={route.view === v ? 'active' : ''}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main key={route.view + (route.arg ?? '')}>{view ?? <p class="error">Nothing here.</p>}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
