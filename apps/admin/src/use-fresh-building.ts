import type { Building } from '@antre/domain';
import { useEffect, useState } from 'react';
import { configApi } from './config-api';

/** The shell's building is from sign-in; pages that offer agencies and zones refetch it. */
export function useFreshBuilding(token: string, signedIn: Building): Building {
  const [building, setBuilding] = useState(signedIn);
  useEffect(() => {
    void configApi.building(token).then((answer) => answer.ok && setBuilding(answer.value));
  }, [token]);
  return building;
}
