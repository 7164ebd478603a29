import router from '@adonisjs/core/services/router'

const HealthController = () => import('#core/controllers/health_controller')
const ErrorCodesController = () => import('#core/controllers/error_codes_controller')

router.get('/health', [HealthController, 'show'])
router.get('/api/v1/errors', [ErrorCodesController, 'index'])
