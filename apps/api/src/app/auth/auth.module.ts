import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/config';
import { AuthGuard } from './auth.guard';
import { AuthController } from './auth.controller';
import { loadOrCreateSigningKey, SigningKey } from './signing-key';
import { TokenIssuer } from './token-issuer';
import { TokenVerifier } from './token-verifier';

/** Token verification (always) and the built-in issuer (when enabled), plus the global guard. */
@Module({})
export class AuthModule {
  static register(config: AppConfig): DynamicModule {
    const { auth } = config;
    const issuerProviders = auth.issuerEnabled
      ? [
          { provide: SigningKey, useFactory: () => loadOrCreateSigningKey(auth.signingKeyFile) },
          { provide: TokenIssuer, useFactory: (key: SigningKey) => new TokenIssuer(auth, key), inject: [SigningKey] },
        ]
      : [];
    return {
      module: AuthModule,
      controllers: auth.issuerEnabled ? [AuthController] : [],
      providers: [
        ...issuerProviders,
        {
          provide: TokenVerifier,
          useFactory: (key?: SigningKey) => new TokenVerifier(auth, key ? [key.publicJwk] : []),
          inject: auth.issuerEnabled ? [SigningKey] : [],
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
