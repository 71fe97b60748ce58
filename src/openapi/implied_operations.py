#!/usr/bin/env python3
# Writes the HEAD and OPTIONS operations of the OpenAPI document from its other operations, in place:
#   python3 src/openapi/implied_operations.py src/main/resources/org/transcriptsearch/http/openapi.json
# The server answers a HEAD with its GET's handler and every path's OPTIONS alike (http/ImpliedRoutes), so these
# operations follow from the rest: run this after changing a GET (its parameters, answers or their headers) or
# adding a path. OpenApiTest.eachHeadIsDocumentedAsItsGetWithoutTheBody fails until it is run. Idempotent.
import copy, json, re, sys
f = sys.argv[1]
d = json.load(open(f))
comp = d['components']

def resolve(r):
    if '$ref' in r:
        return copy.deepcopy(comp['responses'][r['$ref'].split('/')[-1]])
    return copy.deepcopy(r)

def head_of(path, get):
    responses = {}
    for status, r in get['responses'].items():
        r = resolve(r)
        out = {'description': r['description']}
        if 'headers' in r:
            out['headers'] = r['headers']
        types = list(r.get('content', {}).keys())
        if types:
            out['description'] += ' No body; Content-Type as GET answers: ' + ', '.join(types) + '.'
        responses[status] = out
    op = {
        'summary': get['summary'] + ' (headers only)',
        'description': 'Answered by the handler of GET ' + path + ', so with the same status and headers (the same'
                       ' checks of access and parameters, the same time limit), and no body.',
        'operationId': get['operationId'] + 'Head',
    }
    if 'parameters' in get:
        op['parameters'] = copy.deepcopy(get['parameters'])
    op['responses'] = responses
    op['security'] = copy.deepcopy(get['security'])
    return op

def op_id(path):
    words = [w for w in re.split(r'[^A-Za-z0-9]+', path) if w and w != 'api']
    return 'options' + (''.join(w[:1].upper() + w[1:] for w in words) or 'Page')

def options_of(path, methods, ops):
    allow = ', '.join(methods + ['OPTIONS'])
    in_path = []
    for o in ops.values():
        for prm in o.get('parameters', []):
            if prm.get('in') == 'path' and prm['name'] not in [q['name'] for q in in_path]:
                in_path.append(copy.deepcopy(prm))
    return {
        'summary': 'The methods of this path, or a CORS preflight',
        'description': 'A plain OPTIONS is told the methods of the path (Allow). A CORS preflight (Origin and'
                       ' Access-Control-Request-Method) from an origin the server allows (serve --cors) is allowed'
                       ' to read, GET and HEAD only, whatever the path takes; from any other origin it is refused.'
                       ' Query parameters are not checked here: the request the preflight announces is.',
        'operationId': op_id(path),
        'parameters': in_path + [{'$ref': '#/components/parameters/' + p} for p in
                       ('Origin', 'AccessControlRequestMethod', 'AccessControlRequestHeaders')],
        'responses': {
            '204': {
                'description': 'The methods of the path; on a preflight from an allowed origin, what it may send.',
                'headers': {
                    'Allow': {'description': 'The methods of this path.', 'required': True,
                              'schema': {'type': 'string', 'enum': [allow]}},
                    'Vary': {'$ref': '#/components/headers/VaryOrigin'},
                    'Access-Control-Allow-Origin': {'$ref': '#/components/headers/AccessControlAllowOrigin'},
                    'Access-Control-Allow-Methods': {'$ref': '#/components/headers/AccessControlAllowMethods'},
                    'Access-Control-Allow-Headers': {'$ref': '#/components/headers/AccessControlAllowHeaders'},
                    'Access-Control-Max-Age': {'$ref': '#/components/headers/AccessControlMaxAge'},
                },
            },
            '400': {'$ref': '#/components/responses/MalformedRequest'},
            '403': {'$ref': '#/components/responses/PreflightRefused'},
        },
        'security': [{}],
    }

comp['parameters'] = {
    'Origin': {'name': 'Origin', 'in': 'header', 'required': False, 'schema': {'type': 'string'},
               'description': 'The origin of the page asking (sent by browsers on a preflight).',
               'example': 'https://intranet.example'},
    'AccessControlRequestMethod': {'name': 'Access-Control-Request-Method', 'in': 'header', 'required': False,
                                   'schema': {'type': 'string'}, 'example': 'GET',
                                   'description': 'The method of the request to come: with Origin, it makes this'
                                                  ' OPTIONS a CORS preflight.'},
    'AccessControlRequestHeaders': {'name': 'Access-Control-Request-Headers', 'in': 'header', 'required': False,
                                    'schema': {'type': 'string'}, 'example': 'x-api-key',
                                    'description': 'The headers the request to come will send.'},
}
comp['headers'] = {
    'VaryOrigin': {'description': 'Origin: answers differ by the asking origin.', 'required': True,
                   'schema': {'type': 'string', 'enum': ['Origin']}},
    'AccessControlAllowOrigin': {'description': 'The asking origin, echoed, when the server allows it; absent'
                                                ' otherwise.', 'schema': {'type': 'string'}},
    'AccessControlAllowMethods': {'description': 'On a preflight from an allowed origin: other origins may only'
                                                 ' read.', 'schema': {'type': 'string', 'enum': ['GET, HEAD']}},
    'AccessControlAllowHeaders': {'description': 'On a preflight from an allowed origin: the headers it may send,'
                                                 ' the API key headers among them.',
                                  'schema': {'type': 'string', 'enum': ['Content-Type, Authorization, X-Api-Key']}},
    'AccessControlMaxAge': {'description': 'On a preflight from an allowed origin: how long a browser may keep the'
                                           ' answer, in seconds.', 'schema': {'type': 'integer', 'enum': [600]}},
}
comp['responses']['PreflightRefused'] = {
    'description': 'A CORS preflight from an origin the server does not allow.',
    'headers': {'Vary': {'$ref': '#/components/headers/VaryOrigin'}},
    'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Error'},
                                     'example': {'status': 403, 'error': 'Forbidden',
                                                 'detail': 'origin not allowed: https://elsewhere.example'}}},
}
# components in a stable order: schemas, parameters, headers, securitySchemes, responses
order = ['schemas', 'parameters', 'headers', 'securitySchemes', 'responses']
d['components'] = {k: comp[k] for k in order if k in comp} | {k: v for k, v in comp.items() if k not in order}

for path, item in d['paths'].items():
    ops = {m: o for m, o in item.items() if m not in ('head', 'options')}
    new = {}
    methods = []
    for m, o in ops.items():
        new[m] = o
        methods.append(m.upper())
        if m == 'get':
            new['head'] = head_of(path, o)
            methods.append('HEAD')
    new['options'] = options_of(path, methods, ops)
    d['paths'][path] = new

text = json.dumps(d, indent=2, ensure_ascii=False) + '\n'
open(f, 'w').write(text)
