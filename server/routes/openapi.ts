import { Router } from 'express';
import { openApiDocument } from '../openapi';
import { renderDocsPage } from '../openapi/docs-page';

/** GET /api/openapi.json: the API description, public, built once. */
export function openApiRoutes(): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/', (_req, res) => {
    res.json(document);
  });
  return router;
}

/** GET /api/docs: the same document as a page people can browse. */
export function docsPageRoutes(): Router {
  const router = Router();
  const page = renderDocsPage(openApiDocument());
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}
