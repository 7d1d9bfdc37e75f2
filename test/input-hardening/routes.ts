import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod, type Type } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';

/** One route of an app: `GET /api/agenda/items/{id}`, with the query parameters and path parameters it reads. */
export interface Route {
  readonly key: string;
  readonly method: string;
  readonly query: readonly string[];
  readonly pathParameters: readonly string[];
  readonly body: boolean;
}

interface OpenApiOperation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
}

/** The routes of a running API, from its OpenAPI document: every endpoint is documented there. */
export async function apiRoutes(base: string): Promise<Route[]> {
  const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): Route => {
      const parameters = operation.parameters ?? [];
      const upper = method.toUpperCase();
      return {
        key: `${upper} ${path}`,
        method: upper,
        query: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        pathParameters: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        body: upper !== 'GET',
      };
    }),
  );
}

const joinPath = (...parts: string[]): string => `/${parts.flatMap((part) => part.split('/')).filter((part) => part !== '').join('/')}`;

/** The routes of the web application, from its controllers' Nest metadata (the web has no OpenAPI document). */
export function controllerRoutes(controllers: readonly Type[]): Route[] {
  return controllers.flatMap((controller) => {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype).flatMap((name): Route[] => {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = joinPath(prefix, String(Reflect.getMetadata(PATH_METADATA, handler)));
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { data?: unknown }>;
      const named = (type: RouteParamtypes): string[] =>
        Object.entries(args)
          .filter(([key, arg]) => key.split(':')[0] === String(type) && typeof arg.data === 'string')
          .map(([, arg]) => String(arg.data));
      return [
        {
          key: `${method} ${path.replace(/:(\w+)/g, '{$1}')}`,
          method,
          query: named(RouteParamtypes.QUERY),
          pathParameters: named(RouteParamtypes.PARAM),
          body: method !== 'GET',
        },
      ];
    });
  });
}

/** A route takes input when it has a path or query parameter or a body. */
export const takesInput = (route: Route): boolean => route.body || route.query.length > 0 || route.pathParameters.length > 0;
